SELECT account,
       healthh
FROM account_figures
