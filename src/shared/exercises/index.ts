export { lessonById, lessons, parseLesson } from "./catalog";
export type { LessonResult, StepResult } from "./check";
export { checkLesson } from "./check";
export type { Check, FlowCheck, Lesson, NoCidrAdmitsCheck, Step } from "./schema";
