/**
 * The value a client-supplied key names in a plain object (a JSON object, a decoded protobuf
 * map), own properties only: `rooms["constructor"]` of `{}` is a function inherited from
 * `Object.prototype`, not an offset the client sent.
 */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
