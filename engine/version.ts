/** Engine version recorded in every manifest; bump when trial results may change. */
export const ENGINE_VERSION = '0.1.0';
