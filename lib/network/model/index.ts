export * from "./common";
export * from "./connectivity";
export * from "./services";
export * from "./topology";
export * from "./vpc";
export { checkReferences } from "./references";
