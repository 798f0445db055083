from loader.cli import cli

cli(prog_name="diplo")
