/* The CSV helpers moved to the kernel (signalement's queue export shares them). */
export * from '#kernel/http/csv'
