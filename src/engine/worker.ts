// Web Worker entry: exposes one engine (api.ts) to the page with comlink. The only file in
// src/engine that touches the worker scope; everything else runs the same in-thread.
import { expose } from 'comlink';
import { createEngineApi } from './api';

expose(createEngineApi(), self);
