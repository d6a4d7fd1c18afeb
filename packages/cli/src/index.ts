import { main } from './main';
import { processContext } from './context';

main(process.argv.slice(2), processContext()).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 2;
  },
);
