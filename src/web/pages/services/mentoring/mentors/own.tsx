/** The mentor's own profile page (/mentoring/profile). */
import { OwnProfilePage } from "./index";

export default OwnProfilePage;
