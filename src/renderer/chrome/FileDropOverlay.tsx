// While files are dragged over the window, says where they will land and what dropping does
// (the drop itself is handled by the lifecycle's window listener: this only shows it).
import { useEffect, useState } from "react";

/** How many files are being dragged, or undefined when none is. */
function draggedFiles(e: DragEvent): number | undefined {
  const transfer = e.dataTransfer;
  if (!transfer?.types.includes("Files")) return undefined;
  // Names are hidden until the drop; the items (one per file) are not.
  return Math.max(1, [...transfer.items].filter((i) => i.kind === "file").length);
}

export function FileDropOverlay() {
  const [count, setCount] = useState<number>();
  useEffect(() => {
    const over = (e: DragEvent) => setCount(draggedFiles(e));
    // relatedTarget is null only when the pointer leaves the window, not when it crosses a child.
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setCount(undefined);
    };
    const end = () => setCount(undefined);
    window.addEventListener("dragenter", over);
    window.addEventListener("dragover", over);
    window.addEventListener("dragleave", leave);
    window.addEventListener("drop", end);
    window.addEventListener("dragend", end);
    return () => {
      window.removeEventListener("dragenter", over);
      window.removeEventListener("dragover", over);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("drop", end);
      window.removeEventListener("dragend", end);
    };
  }, []);
  if (count === undefined) return null;
  return (
    <div className="file-drop" role="status" data-testid="file-drop">
      <div className="file-drop-card">
        {count === 1 ? (
          <>
            <strong>Drop to open this file</strong>
            <span>
              A Palisade design (.palisade.json) opens; a Terraform, CloudFormation or AWS CLI JSON file is imported.
            </span>
          </>
        ) : (
          <>
            <strong>Drop to import these {count} files as one design</strong>
            <span>Read together: the .tf files of one module, or the AWS CLI outputs of one account.</span>
          </>
        )}
        <span className="file-drop-note">
          It replaces the design on the canvas; you are asked first if it is unsaved.
        </span>
      </div>
    </div>
  );
}
