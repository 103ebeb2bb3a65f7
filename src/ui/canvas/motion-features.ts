// framer-motion's animation and layout features (domMax), in a chunk of their own: the canvas
// loads them through LazyMotion after the first draw, so they do not weigh on the initial bundle.
import { domMax } from 'framer-motion';

export default domMax;
