"""What happens to findings after comparison: validation and finalisation (quotes, lines,
fingerprints, order), inline suppressions and baselines."""
