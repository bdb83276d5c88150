/** The first-run page (/setup/#token): the organisation, the first school and its administrator. */
import './asg-setup-app.js'
