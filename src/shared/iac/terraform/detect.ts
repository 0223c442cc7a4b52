// Whether a file is Terraform, for the import dispatcher: by its name, else by its first blocks.

const BLOCK = /^\s*(resource|variable|provider|terraform|module|data|locals|output)\s+("[^"]*"\s*)*\{/m;

export function looksLikeTerraform(name: string, text: string): boolean {
  if (/\.tf$/i.test(name)) return true;
  if (/\.(json|ya?ml)$/i.test(name)) return false;
  return BLOCK.test(text);
}
