// video.js without its HLS/DASH engine (which we never play and whose workers the CSP refuses),
// typed as the full build it is a subset of.
declare module 'video.js/core' {
  import videojs from 'video.js';
  export default videojs;
}
