/*
| Routes of the participation module, one file per kind of item (citizen API and back-office
| side by side): polls, consultations, budgets.
*/
import '#participation/routes/polls'
import '#participation/routes/consultations'
import '#participation/routes/budgets'
