from producibility.cli import main

main()
