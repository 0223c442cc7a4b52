// The editor: palette | canvas over the bottom panel | inspector.
import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import { useEffect } from "react";
import { Canvas } from "./canvas/Canvas";
import { setFlowInstance } from "./canvas/flowInstance";
import { BusyBar } from "./chrome/BusyBar";
import { FileDropOverlay } from "./chrome/FileDropOverlay";
import { HelpOverlay, NoticeView, ProblemsPanel, RecoveryBanner } from "./chrome/Overlays";
import { Palette } from "./chrome/Palette";
import { TopBar } from "./chrome/TopBar";
import { ExercisesMenu } from "./exercises/ExercisesMenu";
import { useLessonCheck } from "./exercises/useLessonCheck";
import { ExportDialog } from "./export/ExportDialog";
import { InputsDialog } from "./file/InputsDialog";
import { Inspector } from "./inspector/Inspector";
import { FixDialog } from "./intents/FixDialog";
import { IntentPopover } from "./intents/IntentPopover";
import { BottomPanel } from "./panels/BottomPanel";
import { useEngineSync } from "./state/engine";
import { useKeyboard } from "./state/keyboard";
import { useLifecycle } from "./state/lifecycle";

/**
 * The hooks that follow the document (engine, lifecycle, lesson) read the design, so they re-render
 * on every edit: kept in a component that draws nothing, so an edit does not re-render the whole
 * editor (each panel reads what it shows from the store itself). Drawn last, so that its effects
 * run after the panels' own, in the order they ran when they were the editor's.
 */
function DocumentEffects() {
  const flow = useReactFlow();
  useEffect(() => setFlowInstance(flow), [flow]);
  useEngineSync();
  useKeyboard();
  useLifecycle();
  useLessonCheck();
  return null;
}

function Editor() {
  return (
    <div className="app">
      <TopBar />
      <RecoveryBanner />
      <div className="workspace">
        <Palette />
        <main className="center">
          <Canvas />
          <BottomPanel />
        </main>
        <Inspector />
      </div>
      <ProblemsPanel />
      <NoticeView />
      <BusyBar />
      <HelpOverlay />
      <IntentPopover />
      <FixDialog />
      <ExportDialog />
      <InputsDialog />
      <ExercisesMenu />
      <FileDropOverlay />
      <DocumentEffects />
    </div>
  );
}

export function App() {
  return (
    <ReactFlowProvider>
      <Editor />
    </ReactFlowProvider>
  );
}
