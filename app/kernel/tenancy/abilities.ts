/*
| Bouncer abilities shared by every module. Policies live beside what they protect.
*/
export {}
