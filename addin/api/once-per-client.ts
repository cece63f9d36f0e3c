import type { ApiClient } from "./client";

/**
 * `ask` sent once per client (one pane session and server), its answer shared by every caller; a
 * failed answer is forgotten, so the next caller asks again.
 */
export function oncePerClient<T>(ask: (client: ApiClient) => Promise<T>): (client: ApiClient) => Promise<T> {
  const answers = new WeakMap<ApiClient, Promise<T>>();
  return (client) => {
    let answer = answers.get(client);
    if (!answer) {
      answer = ask(client);
      answers.set(client, answer);
      answer.catch(() => answers.delete(client));
    }
    return answer;
  };
}
