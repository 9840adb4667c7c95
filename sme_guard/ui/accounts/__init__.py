"""Accounts and authentication (control 5): the password policy, its checker and its notice."""
