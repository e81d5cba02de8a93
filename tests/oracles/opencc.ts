// The test oracle of toSimplified (src/lib/report/normalize.ts): OpenCC's own traditional → simplified conversion,
// which the fast path must reproduce exactly (normalize.spec.ts).
import { Converter } from 'opencc-js/t2cn';

export const toSimplifiedOpenCC: (text: string) => string = Converter({ from: 't', to: 'cn' });
