-- Decision-makers at key accounts we have not met in :days days (or never).
SELECT p.account, p.id, p.name, p.last_contact, p.source_file, p.source_line
FROM people p JOIN accounts a USING (account)
WHERE a.tier = 'key' AND p.role = 'decision-maker' AND p."current"
  AND (p.last_contact IS NULL
       OR julianday((SELECT value FROM kam_meta WHERE key = 'as_of')) - julianday(p.last_contact) > :days)
ORDER BY p.account, p.id
