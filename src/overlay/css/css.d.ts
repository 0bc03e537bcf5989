/** Stylesheets imported as their text (webpack asset/source; tests/support/css-transform.js under jest). */
declare module '*.css' {
  const text: string;
  export default text;
}
