printf "\033]0;pwned\007\n" > accounts/logo.png
