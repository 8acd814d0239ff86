/** A PostgreSQL unique violation (23505) of the named constraint, as TypeORM throws it. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const { code, constraint: name } =
    (error as { driverError?: { code?: string; constraint?: string } })?.driverError ?? {};
  return code === '23505' && name === constraint;
}
