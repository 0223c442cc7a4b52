// The editor: palette | canvas over the bottom panel | inspector.
import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import { useEffect } from "react";
import { Canvas } from "./canvas/Canvas";
import { setFlowInstance } from "./canvas/flowInstance";
import { BusyBar } from "./chrome/BusyBar";
import { HelpOverlay, NoticeView, ProblemsPanel, RecoveryBanner } from "./chrome/Overlays";
import { Palette } from "./chrome/Palette";
import { TopBar } from "./chrome/TopBar";
import { ExercisesMenu } from "./exercises/ExercisesMenu";
import { useLessonCheck } from "./exercises/useLessonCheck";
import { Inspector } from "./inspector/Inspector";
import { FixDialog } from "./intents/FixDialog";
import { IntentPopover } from "./intents/IntentPopover";
import { BottomPanel } from "./panels/BottomPanel";
import { useEngineSync } from "./state/engine";
import { useKeyboard } from "./state/keyboard";
import { useLifecycle } from "./state/lifecycle";

function Editor() {
  const flow = useReactFlow();
  useEffect(() => setFlowInstance(flow), [flow]);
  useEngineSync();
  useKeyboard();
  useLifecycle();
  useLessonCheck();
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
      <ExercisesMenu />
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
