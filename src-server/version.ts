/** The Zou version whose API this server speaks (REFERENCE.md: Zou 1.0.x, API 0.20.55). */
export const SERVER_VERSION = '0.20.55';
