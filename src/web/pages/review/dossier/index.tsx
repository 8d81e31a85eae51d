/** Placeholder: built by the stage-1 work. */
export default function ReviewDossierPage() {
  return null;
}
