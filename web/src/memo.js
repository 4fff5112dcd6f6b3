// One request per key, shared by every page that asks (a region's departments, say); a failed
// one is forgotten so that the next ask tries again.
// `.clear()` forgets every answer (after a change, or when another user signs in).
export function memoByKey(load) {
  const cache = new Map();
  const ask = (key) => {
    if (!cache.has(key)) {
      cache.set(
        key,
        load(key).catch((e) => {
          cache.delete(key);
          throw e;
        }),
      );
    }
    return cache.get(key);
  };
  ask.clear = () => cache.clear();
  return ask;
}
