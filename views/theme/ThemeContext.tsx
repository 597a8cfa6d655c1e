import { createContext, useContext } from 'react';
import { colorEnabled, createTheme, type Theme } from './theme.js';

export const ThemeContext = createContext<Theme>(createTheme(colorEnabled()));
export const useTheme = (): Theme => useContext(ThemeContext);
