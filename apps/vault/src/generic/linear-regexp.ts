import { RE2JS } from 're2js';

/**
 * A regular-expression engine for merchant-supplied JSON Schema `pattern` and
 * `patternProperties`, plugged into Ajv as `code.regExp`. RE2 matches in time linear in the
 * input, so `^(a+)+$` cannot stall the event loop the way a backtracking engine can (issue 13,
 * finding 1). Patterns RE2 does not support (backreferences, lookaround) fail to compile, and
 * the type is refused at creation with that reason.
 */
export interface LinearRegExp {
  test(input: string): boolean;
  toString(): string;
}

export function linearRegExp(pattern: string, _flags: string): LinearRegExp {
  // Ajv passes "u" (unicodeRegExp); RE2 is always Unicode-aware, so no flag maps to it.
  const compiled = RE2JS.compile(pattern);
  return {
    test: (input) => compiled.matcher(input).find(),
    // Ajv de-duplicates compiled patterns by this string: it must name the pattern.
    toString: () => `re2:/${pattern}/`,
  };
}
// Ajv emits this name into generated code only for standalone builds, which the vault never makes.
linearRegExp.code = 'linearRegExp';
