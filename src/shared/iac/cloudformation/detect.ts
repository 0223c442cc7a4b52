// Whether a file is a CloudFormation template, for the import dispatcher: by its content, since
// templates share .json, .yaml and .template with everything else.

export function looksLikeCloudFormation(name: string, text: string): boolean {
  if (/\.tf$/i.test(name)) return false;
  if (/["']?AWSTemplateFormatVersion["']?\s*:/.test(text)) return true;
  return /(^|\n)\s*["']?Resources["']?\s*:/.test(text) && /["']?Type["']?\s*:\s*["']?AWS::[A-Za-z0-9]+::/.test(text);
}
