// Express 4 is installed under an alias to prove the peer range; its API is typed like Express 5's.
declare module 'express4' {
  import express from 'express';
  export default express;
}
