"""purchase-guard: checks a cart against what the customer already bought, returned and told us."""
