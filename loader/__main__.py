from loader.entry import main

main()
