mkdir repo && (cd repo && bash "$(dirname "$0")/../../diff/repo.sh" && git worktree add -q ../wt feature)
