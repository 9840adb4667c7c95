from sme_guard.cli import main

raise SystemExit(main())
