import { PGlite } from '@electric-sql/pglite';
const db = new PGlite();
await db.exec('create table t (x text)');
try { await db.query('insert into t values ($1)', ['a\u0000b']); } catch (e) { console.log('insert', (e as any).code, (e as any).message); }
try { await db.query('select * from t where x = $1', ['a\u0000b']); } catch (e) { console.log('select', (e as any).code, (e as any).message); }
try { await db.query("select $1::jsonb", [JSON.stringify({a:'a\u0000b'})]); } catch (e) { console.log('jsonb', (e as any).code, (e as any).message); }
