import { z } from "zod";

/** A name in both languages of the project: Indonesian first, English second. */
export const bilingualSchema = z.object({ id: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof bilingualSchema>;
