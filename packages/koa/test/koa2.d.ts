// Koa 2 is installed under an alias to prove the peer range; its API is typed like Koa 3's.
declare module 'koa2' {
  import Koa from 'koa';
  export default Koa;
}
