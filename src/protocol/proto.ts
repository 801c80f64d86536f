// Order matters: the runtime is configured before the generated code is evaluated.
import { protobuf } from './proto-runtime';
import { gameproto } from './generated/game';

export { gameproto, protobuf };
