"""``python -m benefitcalc`` runs the CLI."""

from benefitcalc.cli import main

main()
