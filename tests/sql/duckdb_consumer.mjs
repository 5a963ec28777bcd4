// The CSV or JSONL export loaded into DuckDB by its own load.duckdb.sql:
// every table's row count equals schema.json's, and a money sum equals kam's.
//   node duckdb_consumer.mjs EXPORT_DIR EXPECTED_SUM
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';

const [dir, expectedSum] = process.argv.slice(2);
process.chdir(dir);
const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
const statements = fs.readFileSync('load.duckdb.sql', 'utf8').split('\n')
    .filter((line) => line.trim() && !line.startsWith('--'));
for (const s of statements) await con.run(s);
const one = async (sql) => (await (await con.runAndReadAll(sql)).getRows())[0][0];
const schema = JSON.parse(fs.readFileSync('schema.json', 'utf8'));
let failures = 0, tables = 0;
for (const t of schema.tables) {
    const n = Number(await one(`SELECT count(*) FROM "${t.name}"`));
    if (t.kind === 'table') {
        tables++;
        if (n !== t.rows) { console.log(`FAIL ${t.name}: DuckDB ${n} rows, schema.json ${t.rows}`); failures++; }
    }
}
const sum = String(await one('SELECT sum(annual_value_base_cents) FROM contracts'));
if (sum !== expectedSum) { console.log(`FAIL contracts money: DuckDB ${sum}, kam ${expectedSum}`); failures++; }
const type = await one("SELECT typeof(client_since) || ',' || typeof(client_revenue_cents) || ',' || typeof(has_errors) FROM accounts LIMIT 1");
if (type !== 'DATE,BIGINT,BOOLEAN') { console.log(`FAIL types: ${type}`); failures++; }
const wide = Number(await one('SELECT count(*) FROM account_figures'));
const version = await one('SELECT version()');
console.log(`DuckDB ${version} (${schema.format}): ${tables} tables, row counts equal schema.json; ` +
    `annual_value_base_cents sum ${sum} equals kam's; types ${type}; account_figures ${wide} rows`);
process.exit(failures ? 1 : 0);
