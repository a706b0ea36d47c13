"""The "Due and overdue" page, its banner and controller."""
