import { runCases } from "../../test/_formulaCases.js";

runCases(new URL("./cases.yaml", import.meta.url));
