# A stray file whose name needs escaping in some formats (kept out of git: ':' and ',').
printf 'x\n' > 'accounts/notes,v1:draft.txt'
