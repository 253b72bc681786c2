// Stylesheets imported from TypeScript: styles.css for its side effect (the app's stylesheet),
// dashboard/dashboard.css as text (build.mjs loads it so).
declare module '*.css' {
  const text: string;
  export default text;
}
