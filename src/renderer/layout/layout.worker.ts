// The layout worker: auto-layout of a large design (hundreds of milliseconds at 1,000 nodes) runs
// here so that the page stays live and Cancel can stop it by terminating this worker.
import { answerLayout, type LayoutRequest } from "./protocol";

self.addEventListener("message", (event: MessageEvent<LayoutRequest>) => {
  self.postMessage(answerLayout(event.data));
});
