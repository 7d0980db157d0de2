from producibility.console import main

main()
