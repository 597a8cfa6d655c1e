// How much the screen may move: false in low-bandwidth mode, where every animated cell costs bytes on a
// link that has none to spare (spinners become a still mark, charts get shorter).
import { createContext, useContext } from 'react';

export const MotionContext = createContext<boolean>(true);
export const useMotion = (): boolean => useContext(MotionContext);
