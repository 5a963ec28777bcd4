# nothing written, no temporary folder left behind
test "$(ls -A accounts)" = ".gitkeep"
